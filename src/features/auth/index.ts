// Public surface of the auth feature: the sign-in page, the session guard, the account corner.
export { SignInPage } from './components/sign-in-page';
export { RequireSession } from './components/require-session';
export { AccountMenu } from './components/account-menu';
export { SIGN_IN_PATH } from './model/return-to';
