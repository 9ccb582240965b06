( trap 'echo t1' EXIT; ( trap 'echo t2' EXIT; echo body ) )
