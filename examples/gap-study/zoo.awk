#!/usr/bin/awk -f
# Prints the model zoo as TSV, one network per line: the PGDL task-1 design (Jiang et al. 2020,
# as used by Ballester et al. 2024) scaled to the built-in 16×16 images. A full grid of
#   conv blocks {1,2} × last-conv filters {8,16} × dense layers {1,2} × dropout {0,0.5}
#   × weight decay {0,0.001} × batch size {16,64,256}
# = 96 networks. -v corners=1 gives 32 corners of the grid for the demo and the pilot: the half
# fraction of the 2^6 corners (batch 16 or 256) whose batch size is 256 exactly when an odd number
# of the other five factors sit at their upper level (defining relation I = ABCDEF), so every
# factor and every pair of factors is balanced. Only these hyperparameters differ: no label noise, the same data for
# every network, the same optimiser (SGD, momentum 0.9) and stopping rule. Network i gets seed i.
BEGIN {
    nb = split("16 64 256", batches)
    print "id\tblocks\tfilters\tdense\tdropout\tweight_decay\tbatch_size\tseed"
    i = 0
    for (blocks = 1; blocks <= 2; blocks++)
        for (f = 8; f <= 16; f *= 2)
            for (dense = 1; dense <= 2; dense++)
                for (d = 0; d <= 1; d++)
                    for (w = 0; w <= 1; w++)
                        for (b = 1; b <= nb; b++) {
                            if (corners && b != ((blocks - 1 + (f == 16) + dense - 1 + d + w) % 2 ? 3 : 1)) continue
                            i++
                            printf "m%03d\t%d\t%d\t%d\t%s\t%s\t%d\t%d\n", i, blocks, f, dense, d ? "0.5" : "0", w ? "0.001" : "0", batches[b], i
                        }
}
