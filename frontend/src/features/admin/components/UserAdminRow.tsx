import { IonButton } from '@ionic/react';
import { useState } from 'react';
import { Tag } from '@/components/Tag';
import { uuid } from '@/lib/api-client';
import type { Role } from '@/lib/api-types';
import { errorMessage } from '@/lib/error-message';
import { formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { AdminUser } from '../api/get-admin-users';
import { grantChips } from '../api/grant-chips';
import { updateUser } from '../api/update-user';
import { useAdminMutation } from '../api/use-admin-mutation';

const STATUSES = ['active', 'suspended', 'banned'] as const;
const ROLES: Role[] = ['user', 'moderator', 'admin', 'superadmin'];

/** A user in the console: moderators change status, superadmins roles, admins grant chips. */
export function UserAdminRow({ user, actorRole }: { user: AdminUser; actorRole: Role }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState(user.status);
  const [role, setRole] = useState(user.role);
  const [reason, setReason] = useState('');
  const [chips, setChips] = useState('');
  // One key per intended grant: repeated clicks and retries of the same grant reuse it; a changed
  // amount or reason, or a grant that went through, starts a new one.
  const [grantKey, setGrantKey] = useState(uuid);
  const [localError, setLocalError] = useState<string | null>(null);
  const update = useAdminMutation(updateUser);
  const grant = useAdminMutation(grantChips);
  const canGrant = actorRole === 'admin' || actorRole === 'superadmin';
  const error =
    localError ??
    (update.isError
      ? errorMessage(update.error, t)
      : grant.isError
        ? errorMessage(grant.error, t)
        : null);

  const apply = () => {
    setLocalError(null);
    if (!reason.trim()) return setLocalError(t('admin.err.required'));
    const change: Parameters<typeof updateUser>[0] = {
      id: user.id,
      reason: reason.trim(),
    };
    if (status !== user.status) change.status = status;
    if (role !== user.role) change.role = role;
    if (change.status || change.role) update.mutate(change);
    const n = Number(chips);
    if (canGrant && chips && Number.isInteger(n) && n !== 0) {
      grant.mutate(
        { id: user.id, chips: n, reason: reason.trim(), key: grantKey },
        {
          onSuccess: () => {
            setChips('');
            setGrantKey(uuid());
          },
        },
      );
    }
  };

  return (
    <li className="py-2 text-sm">
      <div className="flex items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate font-medium">{user.display_name}</p>
          <p className="truncate text-xs text-zinc-500">
            {user.email} · {user.role}
            {typeof user.chips === 'number' && <> · {formatNumber(user.chips)}</>}
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-1">
          {user.is_flagged && <Tag tone="red">{t('admin.flagged')}</Tag>}
          <Tag tone={user.status === 'active' ? 'green' : 'red'}>
            {STATUSES.includes(user.status as (typeof STATUSES)[number])
              ? t(`admin.status.${user.status as (typeof STATUSES)[number]}`)
              : user.status}
          </Tag>
          <IonButton size="small" fill="clear" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t('admin.manage')}
          </IonButton>
        </div>
      </div>
      {open && (
        <div className="mt-2 grid gap-2 rounded-xl bg-zinc-50 p-3 sm:grid-cols-2 dark:bg-zinc-900">
          <label className="block">
            <span className="pm-label">{t('admin.setStatus')}</span>
            <select
              className="pm-input"
              value={status}
              onChange={(e) => setStatus(e.target.value as typeof status)}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`admin.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {actorRole === 'superadmin' && (
            <label className="block">
              <span className="pm-label">{t('admin.role')}</span>
              <select
                className="pm-input"
                value={role}
                onChange={(e) => setRole(e.target.value as typeof role)}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </label>
          )}
          {canGrant && (
            <label className="block">
              <span className="pm-label">{t('admin.grantAmount')}</span>
              <input
                className="pm-input"
                inputMode="numeric"
                value={chips}
                onChange={(e) => {
                  setChips(e.target.value.replace(/[^\d-]/g, ''));
                  setGrantKey(uuid());
                }}
              />
            </label>
          )}
          <label className="block sm:col-span-2">
            <span className="pm-label">{t('admin.reason')}</span>
            <input
              className="pm-input"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setGrantKey(uuid());
              }}
            />
          </label>
          <div className="sm:col-span-2">
            <IonButton size="small" disabled={update.isPending || grant.isPending} onClick={apply}>
              {t('admin.apply')}
            </IonButton>
            {(update.isSuccess || grant.isSuccess) && !error && (
              <span role="status" className="ml-2 text-xs text-green-700 dark:text-green-400">
                {t('admin.done')}
              </span>
            )}
          </div>
          {error && (
            <p className="pm-field-error sm:col-span-2" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
