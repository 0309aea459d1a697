import TDAKit

ToolRunner.run(GapRegressTool.spec, GapRegressTool.run)
