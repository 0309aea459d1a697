import TDAKit

ToolRunner.run(MapperTool.spec, MapperTool.run)
