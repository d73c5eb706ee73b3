// The preview's hover text of an arrow: an old duplicate says so (it is not a normal delivered segment).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index.ts';
import { diagramOf } from '../../src/core/diagram/index.ts';
import { localizer } from '../../src/core/i18n/format.ts';
import { describeMessage } from '../../src/webview/decorate.ts';
import { metaOf } from '../../src/webview/protocol.ts';

const text = 'endpoint a\nendpoint b LISTEN\nold a -> b: SYN seq=90\nb -> a: SYN+ACK seq=300 ack=91\na -> b: RST seq=91\n';

test('the tooltip of an old duplicate names it, in the chosen language; a normal segment does not', () => {
  const { model } = diagramOf(analyze(text), text);
  for (const lang of ['en', 'zh-cn'] as const) {
    const meta = metaOf(model, lang);
    assert.equal(meta.messages[0].old, true);
    const oldTip = describeMessage(meta.messages[0], localizer(lang)).lines[0].text;
    const normalTip = describeMessage(meta.messages[1], localizer(lang)).lines[0].text;
    const word = lang === 'en' ? /old duplicate/ : /旧/;
    assert.match(oldTip, word, oldTip);
    assert.doesNotMatch(normalTip, word, normalTip);
  }
});
