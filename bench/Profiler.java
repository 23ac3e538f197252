import com.sun.tools.attach.VirtualMachine;

/**
 * Loads async-profiler into a running JVM and gives it one command ({@code java bench/Profiler.java PID LIB
 * COMMAND}), e.g. {@code start,event=cpu,interval=2ms,threads} or {@code stop,file=out.collapsed,collapsed}.
 * The bench uses it instead of {@code jcmd JVMTI.agent_load}, whose argument parser cuts the command at its
 * first {@code =}.
 */
public class Profiler {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
