#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// libm entry points, wrapped once so the rest of the folder needs no platform imports.
@usableFromInline func logValue(_ x: Double) -> Double { log(x) }
@usableFromInline func cosValue(_ x: Double) -> Double { cos(x) }
@usableFromInline func sinValue(_ x: Double) -> Double { sin(x) }
@usableFromInline func expValue(_ x: Float) -> Float { expf(x) }
@usableFromInline func tanhValue(_ x: Float) -> Float { tanhf(x) }
@usableFromInline func erfValue(_ x: Float) -> Float { erff(x) }
@usableFromInline func powValue(_ x: Double, _ y: Double) -> Double { pow(x, y) }
