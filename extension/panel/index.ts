// The visualizer panel, host side. Public API (everything else is internal):
//
//   createVisualizer(context, log): Visualizer
//     Creates the panel controller and registers its WebviewPanelSerializer
//     (both pushed into context.subscriptions). Call once at activation.
//     package.json must list "onWebviewPanel:tensorLens.visualizer" in
//     activationEvents so a panel restored after a window reload gets its host.
//
//   Visualizer implements PanelPort (extension/panelPort.ts):
//     show(view?)                 open or reveal; optionally switch view
//     showTensor(key)             Tensor view on the record with key String(range.from)
//     postTrace(trace, source, origin)
//                                 a new trace: open views update in place (zoom,
//                                 selection, chosen tensor kept); kept and re-sent
//                                 when the page reloads or is shown again
//     postCursor(file, line)      highlight graph nodes created on that line
//     revealNode(nodeId)          select a graph node
//     runOnGpu(source, file, timeBudgetMs, onStdout)
//                                 run in the webview runtime (H8); resolves with
//                                 { trace, backendNote } or null (cancel, timeout)
//     cancelGpuRun()
//     exportView('svg' | 'png')   resolves { view, data } (SVG text or PNG data: URL)
//     setSourceUri(uri)           optional: the document that clicks reveal into
//                                 (otherwise found among open documents by trace.file)
//
// Messages are defined in extension/protocol.ts; the page is webview/main.ts.
export { VIEW_TYPE, Visualizer, createVisualizer } from './panel';
export { panelCsp, panelHtml } from './html';
