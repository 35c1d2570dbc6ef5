'use client';
import type { Diagnosis } from '@sockdoc/diagnose';

export interface DiagnosisBannerProps {
  readonly diagnosis: Diagnosis | undefined;
  readonly className?: string;
  /** Show the server's reason string (as text). Default `true`. */
  readonly showReason?: boolean;
}

/**
 * A minimal, unstyled banner for a diagnosis: code and title, likely cause and its detail, first
 * fix, the server's reason and the retry advice. An alert (`role="alert"`) for a failure; a
 * status (`role="status"`) for a close that ended as intended (retry strategy `ended`). Everything is rendered as text nodes: a server's
 * reason never becomes markup. Renders nothing without a diagnosis.
 *
 * @example
 * function Status() {
 *   const { lastClose } = useSocket(url);
 *   return <DiagnosisBanner diagnosis={lastClose} className="banner" />;
 * }
 */
export function DiagnosisBanner({ diagnosis, className, showReason = true }: DiagnosisBannerProps) {
  if (!diagnosis) return null;
  const fix = diagnosis.cause.fixes[0];
  // Text a partial locale lacked came from English: each such part says so, so that no English is labelled as another language.
  const fell = diagnosis.localeFallbacks;
  const lang = (field: string) => (fell?.fields.includes(field) ? { lang: fell.used } : {});
  return (
    // A close that ended as intended (a normal close, the app's own close()) is news, not an alarm.
    <div role={diagnosis.retry.strategy === 'ended' ? 'status' : 'alert'} className={className} lang={diagnosis.locale} data-code={diagnosis.code} data-cause={diagnosis.cause.id}>
      <strong {...lang('explanation.title')}>
        {diagnosis.code} {diagnosis.explanation.title}
      </strong>
      <p data-part="cause" {...lang('cause.title')}>
        <b>{diagnosis.cause.title}</b>
      </p>
      {diagnosis.cause.detail ? (
        <p data-part="detail" {...lang('cause.detail')}>
          {diagnosis.cause.detail}
        </p>
      ) : null}
      {fix ? (
        <p data-part="fix" {...lang('cause.fixes')}>
          {fix}
        </p>
      ) : null}
      {showReason && diagnosis.reason ? (
        <p data-part="reason">
          <code>{diagnosis.reason}</code>
        </p>
      ) : null}
      <p data-part="retry" {...lang('retry.text')}>
        {diagnosis.retry.text}
      </p>
    </div>
  );
}
