alias greet='echo hello'
greet world
