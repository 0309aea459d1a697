#!/usr/bin/awk -f
# Prints the model zoo as TSV, one network per line, from a seeded generator so that the same
# -v models=N -v seed=S (and -v depths="1 2" -v widths="16 32" -v epoch_choices="30 60 120") always gives the same zoo. Hyper-parameters vary so that gaps spread:
# depth, width, learning rate, weight decay, dropout, training-set size, label noise, epochs.
BEGIN {
    if (models == "") models = 100
    if (seed == "") seed = 1
    srand(seed)
    if (depths == "") depths = "1 2 3 4"
    if (widths == "") widths = "32 64 128 256"
    nd = split(depths, depth); nw = split(widths, width)
    split("0.003 0.01 0.03", lrs); split("0 0.0001 0.001", wds); split("0 0 0.2", drops)
    split("50 100 200 400 800", sizes); split("0 0 0.1 0.2 0.3", noises)
    if (epoch_choices == "") epoch_choices = "30 60 120"
    ne = split(epoch_choices, epochs)
    print "id\tdepth\twidth\tlr\tweight_decay\tdropout\ttrain_size\tlabel_noise\tepochs\tseed"
    for (i = 1; i <= models; i++) {
        printf "m%03d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", i,
            depth[pick(nd)], width[pick(nw)], lrs[pick(3)], wds[pick(3)], drops[pick(3)],
            sizes[pick(5)], noises[pick(5)], epochs[pick(ne)], i
    }
}
function pick(n) { return 1 + int(rand() * n) }
