// The static first-paint map (baked into index.html at build time) lives on while React renders over #root:
// it is parked in a hidden holder outside #root, where the map view finds it by id (`landing-map`), shows it until
// its interactive map is ready, and then removes it.

/** Moves the static landing map out of #root before React renders there. */
export function adoptLanding(): void {
  const map = document.getElementById('landing-map');
  if (!map) return;
  const holder = document.createElement('div');
  holder.id = 'landing-holder';
  holder.hidden = true;
  holder.appendChild(map);
  document.body.appendChild(holder);
}
