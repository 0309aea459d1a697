import TDAKit

ToolRunner.run(NNTrainTool.spec, NNTrainTool.run)
