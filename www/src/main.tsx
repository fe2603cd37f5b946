import { createRoot } from "react-dom/client";
import { App } from "./App";
import { ready } from "./carviews";
import "./styles.css";

// The web build needs init() before the first call (the hook calls it directly).
const root = document.getElementById("root");
if (root) ready.then(() => createRoot(root).render(<App />));
