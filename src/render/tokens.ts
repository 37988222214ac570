// The renderers read the design tokens and measurements from the layout stage, so both draw what the view model laid out.
export * from '../layout/tokens';
