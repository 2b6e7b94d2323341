// Entry for what the app composes with the change history: a recorded version's plain-words diff.
export { readVersion, VersionDiff } from './components/version-diff';
export { TargetRuleNamesProvider } from './components/describe-names';
