import { useEffect, useState } from 'react';

/** A two-line router: the path in the address bar, pushState on navigation. */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    window.addEventListener('popstate', update);
    update(); // a navigation made before this listener was attached
    return () => window.removeEventListener('popstate', update);
  }, []);
  return path;
}

export function onLinkClick(event: React.MouseEvent<HTMLAnchorElement>): void {
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? '/');
}
