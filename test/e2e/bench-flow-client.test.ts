import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { authorizationCodeFlow } from '../bench/authorization-code-flow';
import { FlowClient } from '../bench/flow-client';
import { startTargets, type Target } from '../bench/targets';

// The benchmark's browserless flow client, run once per variant against both apps, so the harness
// behind `npm run bench` cannot rot unnoticed. It asserts success, never speed.
describe('the flow benchmark harness', () => {
  let targets: Target[];
  let stop: () => Promise<void>;
  before(async () => {
    ({ targets, stop } = await startTargets());
  });
  after(async () => stop?.());

  for (const app of ['gatehouse', 'reference'] as const) {
    it(`completes a fresh and a remembered flow through ${app === 'gatehouse' ? "Gatehouse's" : "Ory's reference"} pages`, async () => {
      const target = targets.find((t) => t.app === app)!;
      const fresh = await authorizationCodeFlow(new FlowClient(), target.flow);
      assert.ok(fresh.sawLogin && fresh.sawConsent);
      assert.ok(fresh.tokens.access_token && fresh.tokens.id_token);

      const browser = new FlowClient();
      await authorizationCodeFlow(browser, { ...target.flow, remember: true });
      const remembered = await authorizationCodeFlow(browser, { ...target.flow, remember: true });
      assert.equal(remembered.sawLogin, false, 'a remembered session skips the login form');
      assert.equal(remembered.sawConsent, false, 'a remembered consent skips the consent form');
      assert.ok(remembered.tokens.access_token);
    });
  }
});
