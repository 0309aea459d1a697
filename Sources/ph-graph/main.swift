import TDAKit

ToolRunner.run(PhGraphTool.spec, PhGraphTool.run)
