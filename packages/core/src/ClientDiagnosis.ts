import type { CodePack, DiagnoseContext, Diagnosis, LocaleText, ResolvedText } from '@sockdoc/diagnose';
import { diagnoseByCode } from '@sockdoc/diagnose/codes';
import { loadEngine, loadedEngine, type DiagnosisEngine } from './loadDiagnose.js';
import type { RawClose, SocketOptions } from './types.js';

const SHARED_TEXTS = new WeakMap<LocaleText, ResolvedText>();

/**
 * How one client diagnoses its closes: with the `diagnose` function it was given, else with the
 * lazily loaded engine and this client's text (one locale). Never waits: a close that arrives
 * before both have loaded is judged from its code, and upgraded when they arrive.
 */
export class ClientDiagnosis {
  readonly #diagnose: SocketOptions['diagnose'];
  readonly #locale: SocketOptions['locale'];
  readonly #locales: readonly LocaleText[] | undefined;
  /** This client's text once loaded: the locale object, a registered match, or one built-in locale. */
  #texts: ResolvedText | undefined;
  #preparing: Promise<void> | undefined;
  /** The packs this client's closes are explained with, besides the registered ones (typedJson's pack). */
  readonly #packs: readonly CodePack<unknown, unknown>[] | undefined;

  constructor(options: Pick<SocketOptions, 'diagnose' | 'locale' | 'locales'>, pack?: CodePack<unknown, unknown>) {
    this.#diagnose = options.diagnose;
    this.#packs = pack ? [pack] : undefined;
    const locale = options.locale;
    this.#locale = locale;
    this.#locales = options.locales;
  }

  /**
   * Starts loading the engine and this client's text (once; again after a failure), unless a
   * `diagnose` function was given: the locale object as given; for tags, a match among `locales`
   * and the registered locales, else the one built-in locale they match (English when none does).
   */
  prepare(): Promise<void> {
    if (this.#diagnose || (this.#texts && loadedEngine())) return Promise.resolve();
    return (this.#preparing ??= loadEngine()
      .then(async (engine) => {
        if (engine) this.#texts ??= await this.#textsFrom(engine);
      })
      .catch(() => {})
      .finally(() => {
        this.#preparing = undefined;
      }));
  }

  /**
   * The diagnosis of a close, at once: full when it can be, else from the code alone (in the
   * locale object when one was given); then `upgrade` gets the full one when it becomes possible.
   */
  judge(raw: RawClose, evidence: DiagnoseContext, upgrade: (full: Diagnosis) => void): Diagnosis {
    const now = this.#full(raw, evidence);
    if (now) return now;
    // When the engine and the text arrive, the full diagnosis replaces the code-level one.
    void this.prepare().then(() => {
      const full = this.#full(raw, evidence);
      if (full) upgrade(full);
    });
    try {
      return diagnoseByCode(raw, this.#localeObject);
    } catch {
      return diagnoseByCode(raw);
    }
  }

  /**
   * The full diagnosis if it can be made now. A locale object the engine cannot render a close
   * in (a partial one: pass it through `completeLocale` first) leaves the code-level diagnosis.
   */
  #full(raw: RawClose, evidence: DiagnoseContext): Diagnosis | undefined {
    const run = this.#runner();
    if (!run) return undefined;
    try {
      return run(raw, evidence);
    } catch {
      return undefined;
    }
  }

  /** How this client diagnoses now; undefined until the engine and the text have loaded. */
  #runner(): ((raw: RawClose, evidence: DiagnoseContext) => Diagnosis) | undefined {
    const fn = this.#diagnose;
    if (fn) {
      const locale = this.#locale;
      const options = { ...(locale === undefined ? {} : { locale }), ...(this.#locales ? { locales: this.#locales } : {}), ...(this.#packs ? { packs: this.#packs } : {}) };
      return (raw, evidence) => fn(raw, evidence, options);
    }
    const engine = loadedEngine();
    const texts = this.#texts;
    const packs = this.#packs;
    return engine && texts ? (raw, evidence) => engine.diagnoseIn(raw, evidence, texts, packs ? { packs } : {}) : undefined;
  }

  /** `locale` when it is a locale object (not tags): used as given, and for code-level text. */
  get #localeObject(): LocaleText | undefined {
    const locale = this.#locale;
    return typeof locale === 'object' && !Array.isArray(locale) ? (locale as LocaleText) : undefined;
  }

  async #textsFrom(engine: DiagnosisEngine): Promise<ResolvedText> {
    if (this.#localeObject) return { locale: this.#localeObject };
    const tags = this.#locale as string | readonly string[] | undefined;
    const found = tags === undefined ? undefined : engine.findLocale(tags, this.#locales);
    const texts = found ? { locale: found } : await engine.loadLocale(tags);
    if (texts.fallback) return texts;
    // Clients with the same locale share one object: an idle client stays small.
    const shared = SHARED_TEXTS.get(texts.locale);
    if (shared) return shared;
    SHARED_TEXTS.set(texts.locale, texts);
    return texts;
  }
}
