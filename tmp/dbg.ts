import { testApp } from '../test/server/test-app.ts';
for (let i = 0; i < 3; i++) { const t = performance.now(); const a = await testApp(); console.log('ready in', performance.now() - t); await a.close(); }
