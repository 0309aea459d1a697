import TDAKit

ToolRunner.run(PerslayVecTool.spec, PerslayVecTool.run)
