import { Redirect, useParams } from 'react-router-dom';
import { rememberReferral } from './referral';

/** /r/:handle — a referral link: remembers the inviter and opens the sign-up form. */
export function ReferralLinkPage() {
  const { handle } = useParams<{ handle: string }>();
  rememberReferral(handle);
  return <Redirect to={`/register?ref=${encodeURIComponent(handle.toLowerCase())}`} />;
}
