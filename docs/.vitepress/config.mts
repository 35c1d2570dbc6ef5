import { defineConfig } from 'vitepress';
// Each language of the docs site, generated from the locale list by `pnpm docs:gen`.
import locales from './locales.json';

const codes = ['1000', '1001', '1002', '1003', '1005', '1006', '1007', '1008', '1009', '1010', '1011', '1012', '1013', '1014', '1015', '3000', '3003', '3008', '4000-4999'];

/** The guide pages, with their titles; `zh: undefined` where no Chinese page exists yet. */
const guides: ReadonlyArray<{ path: string; en: string; zh?: string }> = [
  { path: '/guides/getting-started', en: 'Getting started', zh: '快速上手' },
  { path: '/guides/contract', en: 'The outgoing contract', zh: '发送约定' },
  { path: '/guides/typed-messages', en: 'Typed messages', zh: '类型化消息' },
  { path: '/guides/diagnosing-closes', en: 'Diagnosing closes', zh: '诊断关闭' },
  { path: '/guides/reconnection', en: 'Reconnection and delivery', zh: '重连与投递' },
  { path: '/guides/requests', en: 'Requests with replies', zh: '请求与回复' },
  { path: '/guides/delivery', en: 'Fates, expiry and backpressure', zh: '消息去向、过期与背压' },
  { path: '/guides/react', en: 'React', zh: 'React' },
  { path: '/guides/runtimes', en: 'Runtimes', zh: '运行时' },
  { path: '/guides/migrating', en: 'Migrating', zh: '迁移' },
  { path: '/cli', en: 'CLI', zh: '命令行工具' },
  { path: '/error-codes', en: 'Error codes', zh: '错误码' },
  { path: '/performance', en: 'Performance' },
];

/** Guide words for the languages that have guides (English at the root, Simplified Chinese at /zh); the others have the close-code pages. */
const guideWords: Record<string, { guide: string; cli: string }> = {
  '': { guide: 'Guide', cli: 'CLI' },
  '/zh': { guide: '指南', cli: '命令行' },
};

/** One language's nav and sidebar, derived from the page lists above. */
function navigation(l: (typeof locales)[number], extra: Array<{ text: string; items: Array<{ text: string; link: string }> }> = []) {
  const w = guideWords[l.prefix];
  const lang = l.prefix === '' ? 'en' : 'zh';
  const closeCodes = l.prefix === '' ? 'Close codes' : l.closeCodes;
  return {
    nav: [
      ...(w ? [{ text: w.guide, link: `${l.prefix}/guides/getting-started` }] : []),
      { text: closeCodes, link: `${l.prefix}/close-codes/` },
      ...(w ? [{ text: w.cli, link: `${l.prefix}/cli` }] : []),
    ],
    sidebar: [
      ...(w ? [{ text: w.guide, items: guides.filter((g) => g[lang]).map((g) => ({ text: g[lang]!, link: `${l.prefix}${g.path}` })) }] : []),
      ...extra,
      {
        text: closeCodes,
        items: [{ text: l.allCodes, link: `${l.prefix}/close-codes/` }, { text: l.versus, link: `${l.prefix}/close-codes/1003-vs-1007` }, ...codes.map((c) => ({ text: c, link: `${l.prefix}/close-codes/${c}` }))],
      },
    ],
  };
}

const [english, ...others] = locales;

export default defineConfig({
  title: 'sockdoc',
  description: 'WebSocket closes, explained.',
  cleanUrls: false,
  srcExclude: ['**/node_modules/**'],
  themeConfig: { search: { provider: 'local' } },
  locales: {
    root: {
      label: english!.name,
      lang: english!.tag,
      // The API reference is English only.
      themeConfig: navigation(english!, [{ text: 'Reference', items: ['diagnose', 'core', 'adapter', 'browser', 'node', 'react', 'useSocket', 'cli'].map((p) => ({ text: p, link: `/reference/${p}` })) }]),
    },
    ...Object.fromEntries(
      others.map((l) => [
        l.prefix.slice(1),
        {
          label: l.name,
          lang: l.tag,
          // A language without guides opens on its close codes.
          link: guideWords[l.prefix] ? `${l.prefix}/` : `${l.prefix}/close-codes/`,
          themeConfig: {
            outline: { label: l.site!.outline },
            docFooter: { prev: l.site!.prev, next: l.site!.next },
            returnToTopLabel: l.site!.top,
            sidebarMenuLabel: l.site!.menu,
            darkModeSwitchLabel: l.site!.appearance,
            langMenuLabel: l.site!.language,
            lastUpdatedText: l.site!.updated,
            ...navigation(l),
          },
        },
      ]),
    ),
  },
});
