import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseLocale, parseAcceptLanguage } from '../../lib/i18n/choose-locale';
import { de } from '../../lib/i18n/de';
import { en } from '../../lib/i18n/en';
import { format } from '../../lib/i18n/format';

describe('locale choice', () => {
  it('prefers ui_locales over Accept-Language', () => {
    assert.equal(chooseLocale(['de-CH', 'en'], 'en-US,en;q=0.9'), 'de');
  });
  it('skips unsupported ui_locales', () => {
    assert.equal(chooseLocale(['fr', 'ja'], 'de-DE,de;q=0.9'), 'de');
  });
  it('orders Accept-Language by q-value and ignores q=0', () => {
    assert.deepEqual(parseAcceptLanguage('fr;q=0.5, de;q=0.8, en;q=0, *'), ['de', 'fr']);
    assert.equal(chooseLocale([], 'fr;q=1, de;q=0.8, en;q=0.9'), 'en');
  });
  it('falls back to English', () => {
    assert.equal(chooseLocale(undefined, undefined), 'en');
    assert.equal(chooseLocale([], 'zz, ;;;'), 'en');
  });
  it('ships German with every English key', () => {
    for (const section of Object.keys(en) as (keyof typeof en)[]) {
      assert.deepEqual(Object.keys(de[section]).sort(), Object.keys(en[section]).sort(), section);
    }
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    assert.equal(format('Hi {name}, {missing}', { name: 'Ada' }), 'Hi Ada, {missing}');
  });
});
