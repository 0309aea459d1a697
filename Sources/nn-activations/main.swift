import TDAKit

ToolRunner.run(NNActivationsTool.spec, NNActivationsTool.run)
