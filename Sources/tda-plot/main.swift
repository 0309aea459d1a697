import TDAKit

ToolRunner.run(PlotTool.spec, PlotTool.run)
