import Foundation
import Testing
@testable import TDAKit

@Suite("Network training")
struct TrainingTests {
    func moons(_ count: Int, seed: UInt64) -> Dataset {
        var options = SyntheticData.Options()
        options.count = count
        options.noise = 0.1
        var rng = SplitMix(seed)
        return SyntheticData.moons.generate(options, rng: &rng)
    }

    func train(threads: Int, epochs: Int = 30, optimizer: OptimizerSettings.Method = .adam) throws -> (Network, Trainer) {
        var config = TrainingConfig(architecture: "dense:16,relu,dropout:0.1,dense:16,tanh,dense:2")
        config.optimizer = OptimizerSettings(method: optimizer)
        config.learningRate = 0.02
        config.epochs = epochs
        config.batchSize = 16
        var rng = SplitMix(5)
        let network = try Network(architecture: config.architecture, input: TensorShape(features: 2))
        Initialization.pytorchDefault(network, rng: &rng)
        let trainer = try Trainer(network: network, config: config, threads: threads)
        try trainer.fit(moons(400, seed: 1), test: nil, rng: &rng)
        return (network, trainer)
    }

    /// A trainer of a fresh network for 2-D inputs, initialised from `rng` as `nn-train fit` does.
    func initialisedTrainer(_ config: TrainingConfig, rng: inout SplitMix) throws -> Trainer {
        let network = try Network(architecture: config.architecture, input: TensorShape(features: 2))
        Initialization.pytorchDefault(network, rng: &rng)
        return try Trainer(network: network, config: config)
    }

    @Test("an MLP learns two moons")
    func learnsMoons() throws {
        let (_, trainer) = try train(threads: 1)
        let test = trainer.evaluate(moons(400, seed: 2))
        #expect(test.accuracy > 0.95)
        #expect(test.loss < 0.2)
    }

    @Test("same seed, same weights bit for bit, whatever the thread count")
    func deterministic() throws {
        let (a, _) = try train(threads: 1, epochs: 3)
        let (b, _) = try train(threads: 2, epochs: 3)
        #expect(a.namedParameters.map(\.parameter.value) == b.namedParameters.map(\.parameter.value))
    }

    /// Sizes where the GEMMs split into tiles, conv and pooling loops split over samples and
    /// the optimiser splits its tensors (at least 64 Ki weights), unlike the tiny MLP above.
    @Test("a CNN and a wide MLP take bit-identical steps on 1, 2 and 3 threads",
          arguments: [("conv:8x3,relu,maxpool:2,flatten,dense:64,relu,dense:3", [1, 12, 12], OptimizerSettings.Method.sgd),
                      ("dense:1024,relu,dense:3", [64], .adam)])
    func parallelStepsDeterministic(_ c: (arch: String, shape: [Int], method: OptimizerSettings.Method)) throws {
        func run(threads: Int) throws -> [[Float]] {
            var rng = SplitMix(9)
            let network = try Network(architecture: c.arch, input: TensorShape(dimensions: c.shape)!)
            Initialization.pytorchDefault(network, rng: &rng)
            var config = TrainingConfig(architecture: c.arch)
            config.optimizer = OptimizerSettings(method: c.method)
            config.optimizer.momentum = 0.9
            let trainer = try Trainer(network: network, config: config, threads: threads)
            for step in 0..<2 {
                let x = randomMatrix(64, network.inputShape.count, &rng)
                trainer.step(x, labels: (0..<64).map { $0 % 3 }, lr: 0.05, seed: UInt64(step))
            }
            return network.namedParameters.map(\.parameter.value)
        }
        let one = try run(threads: 1)
        for threads in [2, 3] { #expect(try run(threads: threads) == one, "\(c.arch) threads=\(threads)") }
    }

    @Test("a diverging run stops with an error naming the epoch")
    func diverges() throws {
        var config = TrainingConfig(architecture: "dense:8,relu,dense:2")
        config.loss = "mse"
        config.learningRate = 1e8
        config.optimizer.momentum = 0.9
        var rng = SplitMix(1)
        let network = try Network(architecture: config.architecture, input: TensorShape(features: 2))
        Initialization.pytorchDefault(network, rng: &rng)
        let trainer = try Trainer(network: network, config: config)
        #expect(throws: TrainingError.self) { try trainer.fit(moons(200, seed: 3), test: nil, rng: &rng) }
    }

    @Test("a class count that does not fit the last layer is rejected")
    func classMismatch() throws {
        let network = try Network(architecture: "dense:3", input: TensorShape(features: 2))
        let trainer = try Trainer(network: network, config: TrainingConfig(architecture: "dense:3"))
        var rng = SplitMix(1)
        #expect(throws: TrainingError.classMismatch(outputs: 3, classes: 2)) { try trainer.fit(moons(10, seed: 1), test: nil, rng: &rng) }
    }

    @Test("early stopping ends before the last epoch and restores the best weights")
    func earlyStopping() throws {
        var config = TrainingConfig(architecture: "dense:64,relu,dense:2")
        config.epochs = 200
        config.learningRate = 0.05
        config.optimizer = OptimizerSettings(method: .adam)
        config.validationFraction = 0.3
        config.patience = 3
        var rng = SplitMix(8)
        let trainer = try initialisedTrainer(config, rng: &rng)
        var reports = [EpochReport]()
        var noisy = moons(60, seed: 4)
        noisy = noisy.withLabelNoise(0.3, rng: &rng)
        try trainer.fit(noisy, test: nil, rng: &rng) { reports.append($0) }
        #expect(reports.count < 200)
        let best = reports.compactMap { $0.validation?.loss }.min() ?? .infinity
        #expect(reports.last.map { $0.validation!.loss >= best } == true)
    }

    @Test("a target training accuracy stops at the first epoch that reaches it, and keeps its weights")
    func targetAccuracy() throws {
        var config = TrainingConfig(architecture: "dense:16,relu,dense:2")
        config.learningRate = 0.02
        config.epochs = 200
        config.batchSize = 16
        config.targetAccuracy = 0.9
        var rng = SplitMix(6)
        let trainer = try initialisedTrainer(config, rng: &rng)
        let data = moons(300, seed: 1)
        var reports = [EpochReport]()
        try trainer.fit(data, test: nil, rng: &rng) { reports.append($0) }
        #expect(reports.count < 200)
        #expect(reports.dropLast().allSatisfy { $0.train.accuracy < 0.9 })
        let last = try #require(reports.last)
        #expect(last.train.accuracy >= 0.9)
        #expect(trainer.evaluate(data) == last.train)
    }

    @Test("learning-rate schedules follow PyTorch's StepLR and CosineAnnealingLR, with warm-up")
    func schedules() throws {
        let step = try #require(LearningRateSchedule(parsing: "step:2:0.5"))
        #expect((0..<5).map { step.rate(base: 1, epoch: $0, epochs: 5) } == [1, 1, 0.5, 0.5, 0.25])
        let cosine = try #require(LearningRateSchedule(parsing: "cosine", warmupEpochs: 2))
        #expect(cosine.rate(base: 1, epoch: 0, epochs: 4) == 0.5)
        #expect(abs(cosine.rate(base: 1, epoch: 2, epochs: 4) - 0.5) < 1e-15)
        #expect(LearningRateSchedule(parsing: "step:0:1") == nil)
    }
}

@Suite("Network data")
struct DataTests {
    @Test("generators are seeded, sized and labelled", arguments: SyntheticData.allCases)
    func generators(_ set: SyntheticData) {
        var options = SyntheticData.Options()
        options.count = 90
        options.dimensions = 3
        var a = SplitMix(4), b = SplitMix(4)
        let x = set.generate(options, rng: &a), y = set.generate(options, rng: &b)
        #expect(x == y)
        #expect(x.count == 90 && x.features.rows == 90)
        #expect(x.features.cols == (set == .images ? 256 : 3))
        #expect(Set(x.labels) == Set(0..<set.classCount(options)))
        #expect(x.features.storage.allSatisfy { $0.isFinite })
    }

    @Test("label noise flips the requested fraction to other classes")
    func labelNoise() {
        var options = SyntheticData.Options()
        options.count = 200
        var rng = SplitMix(6)
        let clean = SyntheticData.blobs.generate(options, rng: &rng)
        let noisy = clean.withLabelNoise(0.25, rng: &rng)
        #expect(zip(clean.labels, noisy.labels).filter { $0 != $1 }.count == 50)
    }

    @Test("xor labels are the parity of positive coordinates")
    func xorParity() {
        var options = SyntheticData.Options()
        options.noise = 0
        var rng = SplitMix(2)
        let d = SyntheticData.xor.generate(options, rng: &rng)
        for i in 0..<d.count { #expect(d.labels[i] == d.features.row(i).filter { $0 > 0 }.count % 2) }
    }
}

@Suite("Network data files")
struct DataFileTests {
    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tda-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test("IDX image and label files load as 1×H×W samples scaled to [0, 1]")
    func idx() throws {
        let images: [UInt8] = [0, 0, 0x08, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 2] + [0, 255, 51, 102, 1, 2, 3, 4, 5, 6, 7, 8]
        let labels: [UInt8] = [0, 0, 0x08, 1, 0, 0, 0, 3, 2, 0, 1]
        let d = try DataFiles.load(try write(images, "images-ubyte"), labels: try write(labels, "labels-ubyte"))
        #expect(d.shape == TensorShape(channels: 1, height: 2, width: 2) && d.labels == [2, 0, 1] && d.classes == 3)
        #expect(d.features.row(0) == [0, 1, 0.2, 0.4])
        #expect(throws: ToolError.self) { _ = try DataFiles.load(try write(Array(images.dropLast()), "short-ubyte"), labels: try write(labels, "l2-ubyte")) }
    }

    @Test("CSV labels are class indices or names; the label column may be anywhere")
    func csv() throws {
        let d = try DataFiles.load(try write(Array("y,a,b\n1,0.5,2\n0,1.5,3\n".utf8), "d.csv"), labelColumn: "0")
        #expect(d.labels == [1, 0] && d.features.storage == [0.5, 2, 1.5, 3])
        let byName = try DataFiles.load(try write(Array("a,kind,b\n0.5,dog,2\n1.5,cat,3\n2.5,dog,4\n".utf8), "n.csv"), labelColumn: "kind")
        #expect(byName.labels == [1, 0, 1] && byName.classNames == ["cat", "dog"] && byName.features.storage == [0.5, 2, 1.5, 3, 2.5, 4])
        // Without a name, a column called label, y, class or target is the class; id and name are not features.
        let recognised = try DataFiles.load(try write(Array("id,a,label\nr1,0.5,1\nr2,1.5,0\n".utf8), "r.csv"))
        #expect(recognised.labels == [1, 0] && recognised.features.storage == [0.5, 1.5])
        #expect(throws: ToolError.self) { _ = try DataFiles.load(try write(Array("1,2,-1\n".utf8), "neg.csv")) }
    }
}
