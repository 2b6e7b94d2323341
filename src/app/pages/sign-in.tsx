// Route module for /sign-in.
import { SignInPage } from '@/features/auth';

export function SignInRoute() {
  return <SignInPage />;
}
