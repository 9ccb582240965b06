/* Signals and exits for the strace tests: a handled signal, an ignored
   one, a child killed by a signal, then death by SIGTERM. */
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include <string.h>
#include <time.h>

static void handler(int sig) { (void)sig; }

int main(void) {
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigaction(SIGUSR2, &sa, NULL);
	write(99, "BEGIN", 5);
	kill(getpid(), SIGUSR2);
	int p[2];
	char b;
	pipe(p);
	pid_t c = fork();
	if (c == 0) {
		write(p[1], "x", 1);
		pause();
		_exit(0);
	}
	read(p[0], &b, 1);
	/* Give the tracer time to finish the child's write and see it enter
	   pause(): killed earlier, the child's write would end unfinished in
	   one run and finished in another, and the traces would differ. */
	struct timespec ts = {0, 200000000};
	nanosleep(&ts, NULL);
	kill(c, SIGKILL);
	int ws;
	waitpid(c, &ws, 0);
	write(99, "END", 3);
	kill(getpid(), SIGTERM);
	return 0;
}
