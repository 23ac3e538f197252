-- The mail outbox (mail module): a mail is stored in the transaction of the change it tells about and
-- sent by a scheduled job, with retries (attempts, next_attempt_at) until it is sent or given up (failed).
CREATE TABLE mail_outbox (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind             text NOT NULL,
    recipient        text NOT NULL,
    subject          text NOT NULL,
    text_body        text NOT NULL,
    html_body        text NOT NULL,
    unsubscribe_url  text,
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz
);
CREATE INDEX idx_mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX idx_mail_outbox_sent ON mail_outbox (sent_at) WHERE status = 'sent';
