import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Built into dist/, which Quinoa serves from the gateway at /. `npm start` serves the console on 5173 for working on it
// beside a running suite, sending the API's calls to the gateway on 8080.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:8080", "/console-settings.json": "http://localhost:8080" },
  },
});
