'use client';

import { createContext, useContext } from 'react';

/** The origins whose links render live in the chat: the app's own and the sellers' declared sites. */
const LinkOrigins = createContext<readonly string[]>([]);

export const LinkOriginsProvider = LinkOrigins.Provider;

export function useLinkOrigins(): readonly string[] {
  return useContext(LinkOrigins);
}
