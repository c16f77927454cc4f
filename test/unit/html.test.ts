import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientIdentity } from '../../components/flow-pages/client-identity';
import { attr, html, raw, toHtmlString, type Html } from '../../lib/html/html';
import { toClientInfo } from '../../lib/hydra/types';

const text = (doc: ReturnType<typeof html>) => toHtmlString(doc);

describe('html templates', () => {
  it('escapes interpolated text', () => {
    assert.equal(text(html`<p>${'<b>"Tom" & \'Jerry\'</b>'}</p>`), '<p>&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</p>');
  });

  it('escapes values in quoted attributes, so they cannot close the quote', () => {
    const evil = '" onmouseover="alert(1)';
    assert.equal(text(html`<a href="${evil}">x</a>`), '<a href="&quot; onmouseover=&quot;alert(1)">x</a>');
    assert.equal(text(html`<input${attr('value', evil)}>`), '<input value="&quot; onmouseover=&quot;alert(1)">');
    assert.equal(text(html`<input${attr('required', true)}${attr('disabled', false)}${attr('title', undefined)}>`), '<input required>');
    assert.throws(() => attr('onclick="x"', 'y'));
  });

  it('keeps nested templates as markup and escapes what is inside them once', () => {
    const inner = html`<em>${'a < b'}</em>`;
    assert.equal(text(html`<p>${inner}</p>`), '<p><em>a &lt; b</em></p>');
  });

  it('joins arrays and renders nothing for null, undefined and false', () => {
    const items: Html[] = ['<1>', html`<b>2</b>`, null, undefined, false, 3, [html`<i>4</i>`, '&']];
    assert.equal(text(html`<ul>${items}</ul>`), '<ul>&lt;1&gt;<b>2</b>3<i>4</i>&amp;</ul>');
  });

  it('drops the layout of a template next to tags and between values, and keeps one space elsewhere', () => {
    const doc = html`<div>
        ${'a'}
        ${'b'}
        <span
          class="x">c
          d</span>
      </div>`;
    assert.equal(text(doc), '<div>ab<span class="x">c d</span></div>');
  });

  it('only lets raw() through unescaped', () => {
    assert.equal(text(html`${raw('<hr>')}${'<hr>'}`), '<hr>&lt;hr&gt;');
  });

  it('renders a hostile client name inert', () => {
    const client = toClientInfo({ client_id: 'evil', client_name: '<img src=x onerror=alert(1)>' });
    const out = text(clientIdentity(client));
    assert.ok(!out.includes('<img'), out);
    assert.match(out, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(out, />&lt;<\/span>/, 'the initial shown in place of a logo is escaped too');
  });
});
