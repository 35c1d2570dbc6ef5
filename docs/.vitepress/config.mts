import { defineConfig } from 'vitepress';

const codes = ['1000', '1001', '1002', '1003', '1005', '1006', '1007', '1008', '1009', '1010', '1011', '1012', '1013', '1014', '1015', '3000', '3003', '3008', '4000-4999'];

/** The guide pages, with their titles; `zh: undefined` where no Chinese page exists yet. */
const guides: ReadonlyArray<{ path: string; en: string; zh?: string }> = [
  { path: '/guides/getting-started', en: 'Getting started', zh: '快速上手' },
  { path: '/guides/contract', en: 'The outgoing contract', zh: '发送约定' },
  { path: '/guides/diagnosing-closes', en: 'Diagnosing closes', zh: '诊断关闭' },
  { path: '/guides/reconnection', en: 'Reconnection and delivery', zh: '重连与投递' },
  { path: '/guides/react', en: 'React', zh: 'React' },
  { path: '/guides/migrating', en: 'Migrating', zh: '迁移' },
  { path: '/cli', en: 'CLI', zh: '命令行工具' },
  { path: '/error-codes', en: 'Error codes', zh: '错误码' },
  { path: '/performance', en: 'Performance' },
];

/** Words of the sidebar and nav in each language; `prefix` is where the language's pages live. */
const words = {
  en: { prefix: '', guide: 'Guide', closeCodes: 'Close codes', cli: 'CLI', allCodes: 'All codes', versus: '1003 vs 1007' },
  zh: { prefix: '/zh', guide: '指南', closeCodes: '关闭码', cli: '命令行', allCodes: '全部关闭码', versus: '1003 与 1007' },
};

/** One language's nav and sidebar, derived from the page lists above. */
function navigation(lang: keyof typeof words, extra: Array<{ text: string; items: Array<{ text: string; link: string }> }> = []) {
  const w = words[lang];
  return {
    nav: [
      { text: w.guide, link: `${w.prefix}/guides/getting-started` },
      { text: w.closeCodes, link: `${w.prefix}/close-codes/` },
      { text: w.cli, link: `${w.prefix}/cli` },
    ],
    sidebar: [
      { text: w.guide, items: guides.filter((g) => g[lang]).map((g) => ({ text: g[lang]!, link: `${w.prefix}${g.path}` })) },
      ...extra,
      {
        text: w.closeCodes,
        items: [{ text: w.allCodes, link: `${w.prefix}/close-codes/` }, { text: w.versus, link: `${w.prefix}/close-codes/1003-vs-1007` }, ...codes.map((c) => ({ text: c, link: `${w.prefix}/close-codes/${c}` }))],
      },
    ],
  };
}

export default defineConfig({
  title: 'sockdoc',
  description: 'WebSocket closes, explained.',
  cleanUrls: false,
  srcExclude: ['**/node_modules/**'],
  themeConfig: { search: { provider: 'local' } },
  locales: {
    root: {
      label: 'English',
      lang: 'en',
      // The API reference is English only.
      themeConfig: navigation('en', [{ text: 'Reference', items: ['diagnose', 'core', 'adapter', 'browser', 'node', 'react', 'useSocket', 'cli'].map((p) => ({ text: p, link: `/reference/${p}` })) }]),
    },
    zh: {
      label: '简体中文',
      lang: 'zh-CN',
      link: '/zh/',
      themeConfig: {
        outline: { label: '本页目录' },
        docFooter: { prev: '上一页', next: '下一页' },
        returnToTopLabel: '回到顶部',
        sidebarMenuLabel: '菜单',
        darkModeSwitchLabel: '外观',
        langMenuLabel: '切换语言',
        lastUpdatedText: '最后更新',
        ...navigation('zh'),
      },
    },
  },
});
