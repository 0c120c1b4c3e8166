import ArgumentParser
import GavelEngine

extension TraceLevel: ExpressibleByArgument {}
