import { resolveLocale, type DiagnoseLocale } from '@sockdoc/diagnose';
import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';

/** The CLI ships every locale; `--lang` takes any BCP 47 tag (zh, zh-Hans, en-US, ...). */
export function cliLocale(lang: string | undefined): DiagnoseLocale {
  const tag = lang ?? process.env['SOCKDOC_LANG'] ?? 'en';
  return resolveLocale(tag, [zhCN]).locale;
}
