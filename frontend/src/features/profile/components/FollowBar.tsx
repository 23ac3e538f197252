import { IonButton } from '@ionic/react';
import type { PublicProfile } from '@/lib/api-types';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { useFollow } from '../api/follow';

/** Follower and following counts, and Follow / Unfollow for a signed-in visitor of someone else's profile. */
export function FollowBar({ profile }: { profile: PublicProfile }) {
  const t = useT();
  const { user } = useSession();
  const follow = useFollow(profile);
  const mine = user?.id === profile.id;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="follow-counts">
        <span className="font-semibold text-inherit">
          {t('social.followers', { count: profile.followers })}
        </span>
        {' · '}
        {t('social.followingCount', { count: profile.following })}
      </p>
      {!mine &&
        (user ? (
          <IonButton
            size="small"
            fill={profile.followed_by_me ? 'outline' : 'solid'}
            disabled={follow.isPending}
            aria-pressed={profile.followed_by_me}
            onClick={() => follow.mutate(!profile.followed_by_me)}
          >
            {profile.followed_by_me ? t('social.unfollow') : t('social.follow')}
          </IonButton>
        ) : (
          <IonButton
            size="small"
            routerLink={`/login?next=${encodeURIComponent(`/u/${profile.handle}`)}`}
          >
            {t('social.follow')}
          </IonButton>
        ))}
      {follow.isError && (
        <p className="pm-field-error w-full" role="alert">
          {t('common.error')}
        </p>
      )}
    </div>
  );
}
