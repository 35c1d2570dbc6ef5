import { defineConfig } from 'vitepress';

const codes = ['1000', '1001', '1002', '1003', '1005', '1006', '1007', '1008', '1009', '1010', '1011', '1012', '1013', '1014', '1015', '3000', '3003', '3008', '4000-4999'];

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
      themeConfig: {
        nav: [
          { text: 'Guide', link: '/guides/getting-started' },
          { text: 'Close codes', link: '/close-codes/' },
          { text: 'CLI', link: '/cli' },
        ],
        sidebar: [
          {
            text: 'Guide',
            items: [
              { text: 'Getting started', link: '/guides/getting-started' },
              { text: 'The outgoing contract', link: '/guides/contract' },
              { text: 'Diagnosing closes', link: '/guides/diagnosing-closes' },
              { text: 'Reconnection and delivery', link: '/guides/reconnection' },
              { text: 'React', link: '/guides/react' },
              { text: 'Migrating', link: '/guides/migrating' },
              { text: 'CLI', link: '/cli' },
              { text: 'Error codes', link: '/error-codes' },
              { text: 'Performance', link: '/performance' },
            ],
          },
          {
            text: 'Reference',
            items: ['diagnose', 'core', 'browser', 'node', 'react', 'useSocket', 'cli'].map((p) => ({ text: p, link: `/reference/${p}` })),
          },
          { text: 'Close codes', items: [{ text: 'All codes', link: '/close-codes/' }, { text: '1003 vs 1007', link: '/close-codes/1003-vs-1007' }, ...codes.map((c) => ({ text: c, link: `/close-codes/${c}` }))] },
        ],
      },
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
        nav: [
          { text: '指南', link: '/zh/guides/getting-started' },
          { text: '关闭码', link: '/zh/close-codes/' },
          { text: '命令行', link: '/zh/cli' },
        ],
        sidebar: [
          {
            text: '指南',
            items: [
              { text: '快速上手', link: '/zh/guides/getting-started' },
              { text: '发送约定', link: '/zh/guides/contract' },
              { text: '诊断关闭', link: '/zh/guides/diagnosing-closes' },
              { text: '重连与投递', link: '/zh/guides/reconnection' },
              { text: 'React', link: '/zh/guides/react' },
              { text: '迁移', link: '/zh/guides/migrating' },
              { text: '命令行工具', link: '/zh/cli' },
              { text: '错误码', link: '/zh/error-codes' },
            ],
          },
          { text: '关闭码', items: [{ text: '全部关闭码', link: '/zh/close-codes/' }, { text: '1003 与 1007', link: '/zh/close-codes/1003-vs-1007' }, ...codes.map((c) => ({ text: c, link: `/zh/close-codes/${c}` }))] },
        ],
      },
    },
  },
});
