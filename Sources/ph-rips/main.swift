import TDAKit

ToolRunner.run(PhRipsTool.spec, PhRipsTool.run)
