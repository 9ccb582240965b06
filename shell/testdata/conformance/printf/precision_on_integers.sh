printf '%.3d|%#.3o|%+.2d\n' 5 8 3
