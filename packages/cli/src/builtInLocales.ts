// Generated from packages/diagnose/locales.json by `pnpm docs:gen`: do not edit.
import type { DiagnoseLocale } from '@sockdoc/diagnose';
import { en } from '@sockdoc/diagnose/locales/en';
import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
import { zhTW } from '@sockdoc/diagnose/locales/zh-TW';

/** Every locale the CLI can print in. */
export const BUILT_IN_LOCALES: readonly DiagnoseLocale[] = [en, zhCN, zhTW];
