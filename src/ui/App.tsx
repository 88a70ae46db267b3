export function App() {
  return <main><h1>Sparekey</h1><p>Locked</p></main>;
}
