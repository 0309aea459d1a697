import TDAKit

TdaTool.main(Array(CommandLine.arguments.dropFirst()))
