// Public surface of the history feature: the Activity page.
export { ActivityPage, type ActivityPageProps } from './components/activity-page';
