import OutputFiles
import Testing

/// `--shard I/N` and `--shard auto`, and the SHA-256 the shard manifests record.
@Suite struct ShardSelectionTests {
  @Test func aWrittenShardIsParsedAndItsSliceIsRoundRobin() throws {
    let shard = try ShardSelection(parsing: "2/3", environment: [:])
    #expect(shard.index == 2 && shard.count == 3)
    #expect(shard.slice(of: 8) == [1, 4, 7])
    // The slices of all shards cover every item exactly once.
    let all = try (1...3).flatMap { try ShardSelection(index: $0, count: 3).slice(of: 8) }
    #expect(all.sorted() == Array(0..<8))
    #expect(try ShardSelection(index: 3, count: 3).slice(of: 2).isEmpty)
  }

  @Test(arguments: ["0/2", "3/2", "x", "1/0", "1/2/3", "/2", "-1/2", ""])
  func badShardsAreRefused(text: String) {
    #expect(throws: OutputError.self) { try ShardSelection(parsing: text, environment: [:]) }
  }

  @Test func slurmArraysCountFromTheirFirstTaskWhetherZeroOrOneBased() throws {
    let zeroBased = ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "0"]
    #expect(try ShardSelection(parsing: "auto", environment: zeroBased) == ShardSelection(index: 1, count: 4))
    let oneBased = [
      "SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1",
      "SLURM_ARRAY_TASK_MAX": "4",
    ]
    #expect(try ShardSelection(parsing: "auto", environment: oneBased) == ShardSelection(index: 4, count: 4))
    // A stepped array (--array=0-6:2) is not a contiguous range of shards.
    let stepped = [
      "SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "0",
      "SLURM_ARRAY_TASK_MAX": "6",
    ]
    #expect(throws: OutputError.self) { try ShardSelection(parsing: "auto", environment: stepped) }
    #expect(throws: OutputError.self) {
      try ShardSelection(parsing: "auto", environment: ["SLURM_ARRAY_TASK_ID": "1"])
    }
  }

  @Test func kubernetesIndexedJobsAreZeroBasedWithTheCountFromTheJob() throws {
    let pod = ["JOB_COMPLETION_INDEX": "2", "AIRPICTURE_SHARD_COUNT": "3"]
    #expect(try ShardSelection(parsing: "auto", environment: pod) == ShardSelection(index: 3, count: 3))
    #expect(throws: OutputError.self) {
      try ShardSelection(parsing: "auto", environment: ["JOB_COMPLETION_INDEX": "3", "AIRPICTURE_SHARD_COUNT": "3"])
    }
    #expect(throws: OutputError.self) {
      try ShardSelection(parsing: "auto", environment: ["JOB_COMPLETION_INDEX": "0"])
    }
    #expect(throws: OutputError.self) { try ShardSelection(parsing: "auto", environment: ["HOME": "/root"]) }
  }

  /// FIPS 180-4's examples: one block, two blocks, and a million bytes fed in uneven pieces.
  @Test func sha256GivesTheStandardsDigests() {
    #expect(SHA256.hex(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    var hash = SHA256()
    var fed = 0
    var piece = 1
    while fed < 1_000_000 {
      let size = min(piece, 1_000_000 - fed)
      hash.update([UInt8](repeating: UInt8(ascii: "a"), count: size))
      fed += size
      piece = piece * 3 % 1_001 + 1
    }
    #expect(hash.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}
