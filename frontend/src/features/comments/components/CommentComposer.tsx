import { IonButton } from '@ionic/react';
import { useId, useState } from 'react';
import { errorMessage } from '@/lib/error-message';
import { useI18n } from '@/lib/i18n';
import { commentLength, MAX_COMMENT_LENGTH } from '../api/comments';

/**
 * A text box for a comment, reply or edit: counts characters against the limit, sends with the
 * button (or Ctrl/⌘+Enter), shows the server's refusal (rate limit, closed market…) in the reader's
 * language and keeps the text when it fails.
 */
export function CommentComposer({
  label,
  submitLabel,
  initial = '',
  pending,
  autoFocus,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  initial?: string;
  pending: boolean;
  autoFocus?: boolean;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const length = commentLength(text);
  const tooLong = length > MAX_COMMENT_LENGTH;
  const canSend = length > 0 && !tooLong && !pending;

  const send = async () => {
    if (!canSend) return;
    setError(null);
    try {
      await onSubmit(text.trim());
      setText('');
    } catch (e) {
      setError(errorMessage(e, t));
    }
  };

  return (
    <form
      className="mb-3 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        className="block min-h-20 w-full rounded-lg border border-zinc-300 bg-transparent p-2 text-sm dark:border-zinc-700"
        placeholder={label}
        value={text}
        // Autofocus only where the user just asked for the box (reply, edit).
        autoFocus={autoFocus}
        aria-invalid={tooLong || undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className={`text-xs ${tooLong ? 'text-red-700 dark:text-red-400' : 'text-zinc-500'}`}>
          {t('comments.length', { count: length, max: MAX_COMMENT_LENGTH })}
        </span>
        <div className="flex gap-2">
          {onCancel && (
            <IonButton size="small" fill="clear" onClick={onCancel}>
              {t('common.cancel')}
            </IonButton>
          )}
          <IonButton size="small" type="submit" disabled={!canSend}>
            {submitLabel}
          </IonButton>
        </div>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}
