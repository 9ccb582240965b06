alias two='echo one; echo two'
two
