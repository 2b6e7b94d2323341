// Input props for inputs rendered by the hundred (rule rows).
/**
 * Every MUI input injects the same autofill keyframes as a global style of its own (four
 * <style> tags each); with 200 rows that is thousands of tags and seconds of style work. Rule
 * inputs are never autofilled, so they skip it (the page's other inputs still inject it).
 */
export const NO_GLOBAL_STYLES = { disableInjectingGlobalStyles: true } as const;
