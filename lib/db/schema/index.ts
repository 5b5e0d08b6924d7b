export * from './foundation';
export * from './stripe';
export * from './seller';
export * from './agent-catalog';
export * from './agent-chat';
export * from './agent-wallet';
export * from './agent-checkout';
