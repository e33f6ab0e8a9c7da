import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docTable, documentedKeys, lookupDoc, toDocLocale, type DocEntry, type DocLocale } from '../../../../server/src/docs';
import { requiredDocKeys } from '../../../../server/src/docs/keys';
import { lookupPredefinedArg, predefinedArgs } from '../../../../server/src/docs/predefinedArgs';

const locales: readonly DocLocale[] = ['en', 'zh-cn'];
const cjk = /[\u4e00-\u9fff]/;
const referencePrefix = 'https://docs.docker.com/reference/dockerfile/#';
// Typographic quotes and Unicode dashes (as copied from web pages and chat) must never reach a syntax form.
const typographic = /[\u201c\u201d\u2018\u2019\u2013\u2014\u3000]/;

function textOf(entry: DocEntry): string {
  return [entry.title, entry.summary, ...(entry.details ?? []), ...(entry.gotchas ?? [])].join('\n');
}

describe('hover documentation data', () => {
  for (const locale of locales) {
    it(`has an entry for every instruction, flag, mount type and directive in ${locale}`, () => {
      const missing = requiredDocKeys().filter((key) => !(key in docTable(locale)));
      assert.deepEqual(missing, []);
    });
  }

  it('documents the same keys in both locales', () => {
    assert.deepEqual(Object.keys(docTable('zh-cn')).sort(), documentedKeys().sort());
  });

  for (const key of requiredDocKeys()) {
    it(`${key}: complete in both locales, Chinese really Chinese, official link`, () => {
      const english = docTable('en')[key];
      const chinese = docTable('zh-cn')[key];
      assert.ok(english && chinese, key);
      for (const entry of [english, chinese]) {
        assert.ok(entry.summary.trim().length > 10, `${key} summary`);
        assert.ok(entry.forms && entry.forms.length > 0, `${key} forms`);
        assert.ok(entry.reference?.startsWith(referencePrefix), `${key} reference ${entry.reference ?? ''}`);
        assert.ok(!entry.forms.some((form) => typographic.test(form)), `${key} forms use plain ASCII quotes and dashes`);
      }
      assert.match(chinese.summary, cjk, `${key} zh-cn summary`);
      for (const line of [...(chinese.details ?? []), ...(chinese.gotchas ?? [])]) {
        assert.match(line, cjk, `${key} zh-cn line: ${line}`);
      }
      assert.doesNotMatch(textOf(english), cjk, `${key} en has no Chinese`);
      assert.deepEqual(chinese.forms, english.forms, `${key} forms are syntax, identical in both locales`);
      assert.equal(chinese.reference, english.reference);
      assert.equal((chinese.details ?? []).length, (english.details ?? []).length, `${key} details match one to one`);
      assert.equal((chinese.gotchas ?? []).length, (english.gotchas ?? []).length, `${key} gotchas match one to one`);
    });
  }

  // Each row: a common misconception about Docker and what the entry must say instead.
  const corrections: readonly { key: string; en: RegExp; zh: RegExp; wrongEn?: RegExp }[] = [
    { key: 'COPY', en: /does not accept URLs/, zh: /不支持 URL/ },
    { key: 'COPY', en: /inside the build context; `\.\.\/file`/, zh: /构建上下文之内/ },
    { key: 'COPY', en: /modification times do not count/, zh: /修改时间不计入/ },
    { key: 'ADD', en: /downloaded from a URL are not extracted/, zh: /不会被解压/ },
    {
      key: 'ENTRYPOINT',
      en: /the shell sees them only as `\$0`, `\$1`…, so they are ignored unless the command uses them/,
      zh: /除非命令用到它们/,
      wrongEn: /ignores both CMD/,
    },
    { key: 'CMD', en: /not a build error/, zh: /并不是构建错误/ },
    { key: 'EXPOSE', en: /does not publish or map/, zh: /既不发布端口，也不做端口映射/ },
    { key: 'ARG', en: /adds no filesystem layer/, zh: /不产生文件系统层/ },
    { key: 'FROM', en: /built `FROM scratch`/, zh: /`FROM scratch`/ },
    { key: 'VOLUME', en: /<volume-id>/, zh: /<卷 ID>/, wrongEn: /containerid/ },
    { key: 'USER', en: /UID 0 on the host/, zh: /宿主机上的 UID 0/ },
    { key: 'RUN', en: /starting a server here blocks the build/, zh: /构建卡住/ },
    { key: 'RUN --mount type=cache', en: /`node_modules` leaves later steps without it/, zh: /后续步骤就看不到它/ },
    { key: 'RUN --mount', en: /default builder since Docker Engine 23\.0/, zh: /Docker Engine 23\.0/ },
    { key: 'ENV', en: /`ENV A 1 B 2` sets only `A`/, zh: /只会把 `A` 设为/ },
    // Checked against the Dockerfile reference (issue 14).
    { key: 'VOLUME', en: /Under BuildKit, the default builder, .* are kept; only the legacy builder discards them/, zh: /BuildKit.*会被保留；只有旧版构建器/, wrongEn: /are discarded/ },
    { key: 'ARG', en: /exist only in the global scope: `FROM` can use them .* a stage must declare `ARG TARGETPLATFORM`/, zh: /只存在于全局作用域.*必须声明 `ARG TARGETPLATFORM`/, wrongEn: /Predefined arguments exist without a declaration/ },
    { key: 'FROM', en: /platform arguments .* which `FROM` can use without a declaration/, zh: /无需声明即可使用平台参数/ },
    { key: 'ADD', en: /not extracted unless you add `--unpack=true` \(Dockerfile 1\.17\)/, zh: /`--unpack=true`（Dockerfile 1\.17）/ },
    { key: 'ADD --unpack', en: /a remote one \(a URL\) is downloaded as is; `--unpack=true` extracts a download/, zh: /`--unpack=true` 会解压下载的归档/ },
    { key: 'ADD --checksum', en: /a Git source against its commit/, zh: /Git 源按提交校验/, wrongEn: /Meant for remote \(HTTP\) sources/ },
    { key: 'ARG', en: /in every stage built `FROM` that stage/, zh: /以该阶段为 `FROM` 的阶段/ },
    { key: 'ARG', en: /An `ENV` of the same name overrides the `ARG`/, zh: /同名的 `ENV` 会覆盖 `ARG`/ },
    { key: 'USER', en: /other \(supplementary\) groups are dropped/, zh: /其他（附加）组都会被去掉/ },
    { key: 'COPY --chmod', en: /since Dockerfile 1\.14, symbolic notation/, zh: /自 Dockerfile 1\.14 起也可用符号形式/ },
    { key: 'HEALTHCHECK', en: /2 is reserved/, zh: /2 是保留值/ },
    { key: 'EXPOSE', en: /accepts it today with an `ExposeInvalidFormat` warning/, zh: /目前构建会接受它，但给出 `ExposeInvalidFormat` 警告/, wrongEn: /is not valid here/ },
    { key: 'COPY', en: /one level is flattened/, zh: /拍平一层/, wrongEn: /drops empty ones/ },
    { key: 'COPY --exclude', en: /written like a source/, zh: /与源路径相同/, wrongEn: /\.dockerignore/ },
    { key: 'LABEL', en: /recommended, not enforced/, zh: /并非强制/ },
  ];
  for (const { key, en, zh, wrongEn } of corrections) {
    it(`${key} states the correction ${String(en)}`, () => {
      const english = lookupDoc('en', key);
      const chinese = lookupDoc('zh-cn', key);
      assert.ok(english && chinese);
      assert.match(textOf(english), en);
      assert.match(textOf(chinese), zh);
      if (wrongEn) {
        assert.doesNotMatch(textOf(english), wrongEn);
      }
    });
  }

  it('zh-cn: a secret is 机密信息, never 密钥 (the SSH key); the SSH agent is not a 代理 (proxy)', () => {
    for (const key of documentedKeys()) {
      const chinese = lookupDoc('zh-cn', key);
      assert.ok(chinese);
      assert.doesNotMatch(textOf(chinese), /密钥/, key);
      if (/secret|ssh|--mount$/.test(key)) {
        assert.doesNotMatch(textOf(chinese), /代理/, key);
      }
    }
    assert.match(textOf(lookupDoc('zh-cn', 'RUN --mount type=secret') ?? { title: '', summary: '' }), /机密信息/);
  });

  it('zh-cn: Chinese sentences use the full-width colon', () => {
    for (const key of documentedKeys()) {
      const chinese = lookupDoc('zh-cn', key);
      assert.ok(chinese);
      // Code spans keep their ASCII syntax; only the prose around them is checked.
      const prose = textOf(chinese).replace(/`[^`]*`/g, '``');
      assert.doesNotMatch(prose, /[\u4e00-\u9fff）]\s?:|:\s?[\u4e00-\u9fff]/, key);
    }
  });

  const localeCases: readonly [string | undefined, DocLocale][] = [
    ['zh-CN', 'zh-cn'], ['zh-cn', 'zh-cn'], ['zh-Hans', 'zh-cn'], ['en-US', 'en'], ['de', 'en'], [undefined, 'en'],
  ];
  for (const [input, expected] of localeCases) {
    it(`maps initialize locale ${String(input)} to ${expected}`, () => {
      assert.equal(toDocLocale(input), expected);
    });
  }

  it('falls back to English for a key a locale lacks, and to nothing for unknown keys', () => {
    assert.equal(lookupDoc('zh-cn', 'NO SUCH KEY'), undefined);
    assert.equal(lookupDoc('en', 'ADD --from'), undefined, 'ADD has no --from');
  });

  it('describes every predefined build argument in both locales', () => {
    for (const [name, arg] of Object.entries(predefinedArgs)) {
      assert.ok(arg.description.en.length > 0, name);
      assert.match(arg.description['zh-cn'], cjk, name);
    }
    assert.equal(lookupPredefinedArg('TARGETPLATFORM')?.group, 'platform');
    assert.equal(lookupPredefinedArg('no_proxy')?.group, 'proxy');
    assert.equal(lookupPredefinedArg('toString'), undefined, 'no prototype keys');
  });
});
