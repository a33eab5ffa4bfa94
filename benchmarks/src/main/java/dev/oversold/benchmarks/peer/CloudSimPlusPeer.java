package dev.oversold.benchmarks.peer;

import ch.qos.logback.classic.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cloudsimplus.brokers.DatacenterBroker;
import org.cloudsimplus.brokers.DatacenterBrokerSimple;
import org.cloudsimplus.cloudlets.Cloudlet;
import org.cloudsimplus.cloudlets.CloudletSimple;
import org.cloudsimplus.core.CloudSimPlus;
import org.cloudsimplus.datacenters.DatacenterSimple;
import org.cloudsimplus.hosts.Host;
import org.cloudsimplus.hosts.HostSimple;
import org.cloudsimplus.resources.Pe;
import org.cloudsimplus.resources.PeSimple;
import org.cloudsimplus.schedulers.cloudlet.CloudletSchedulerTimeShared;
import org.cloudsimplus.util.Log;
import org.cloudsimplus.utilizationmodels.UtilizationModel;
import org.cloudsimplus.utilizationmodels.UtilizationModelFull;
import org.cloudsimplus.vms.Vm;
import org.cloudsimplus.vms.VmSimple;

/**
 * The peer workload on CloudSim Plus, as its own process: hosts of 100 PEs of 1,000 MIPS, one
 * single-PE VM per PE with a time-shared cloudlet scheduler, each VM's cloudlets (length in MI =
 * milliseconds of work) submitted at time 0. Logging is off, so what is timed is the simulation.
 * Prints the largest relative error of the cloudlets' finish times against exact processor sharing.
 *
 * <p>Usage: {@code CloudSimPlusPeer vms cloudlets seed}.
 */
public final class CloudSimPlusPeer {
  private static final long MIPS = 1_000;

  private CloudSimPlusPeer() {}

  public static void main(String[] args) {
    PeerWorkload workload =
        PeerWorkload.generate(
            Integer.parseInt(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]));
    Log.setLevel(Level.OFF);
    long start = System.nanoTime();
    CloudSimPlus simulation = new CloudSimPlus();
    List<Host> hosts = new ArrayList<>();
    for (int h = 0; h < workload.hosts(); h++) {
      List<Pe> pes = new ArrayList<>();
      for (int p = 0; p < PeerWorkload.VMS_PER_HOST; p++) {
        pes.add(new PeSimple(MIPS));
      }
      hosts.add(new HostSimple(1L << 20, 1L << 20, 1L << 30, pes));
    }
    new DatacenterSimple(simulation, hosts);
    DatacenterBroker broker = new DatacenterBrokerSimple(simulation);
    List<Vm> vms = new ArrayList<>();
    List<Cloudlet> cloudlets = new ArrayList<>();
    for (int v = 0; v < workload.vms(); v++) {
      Vm vm = new VmSimple(MIPS, 1, new CloudletSchedulerTimeShared());
      vm.setRam(512).setBw(1000).setSize(1000);
      vms.add(vm);
      for (long lengthMs : workload.lengthsMs()[v]) {
        // CPU-bound; no RAM or bandwidth demand, so every cloudlet of a VM runs at once
        Cloudlet cloudlet =
            new CloudletSimple(lengthMs, 1)
                .setUtilizationModelCpu(new UtilizationModelFull())
                .setUtilizationModelRam(UtilizationModel.NULL)
                .setUtilizationModelBw(UtilizationModel.NULL);
        cloudlet.setVm(vm);
        cloudlets.add(cloudlet);
      }
    }
    broker.submitVmList(vms);
    broker.submitCloudletList(cloudlets);
    simulation.start();
    double seconds = (System.nanoTime() - start) / 1e9;

    double maxError = 0;
    int finished = 0;
    for (int v = 0; v < workload.vms(); v++) {
      double[] simulated = new double[workload.cloudlets()];
      for (int j = 0; j < workload.cloudlets(); j++) {
        Cloudlet cloudlet = cloudlets.get(v * workload.cloudlets() + j);
        if (cloudlet.getStatus() == Cloudlet.Status.SUCCESS) {
          finished++;
        }
        // the VM is created at a small delay; finish times count from the cloudlet's start
        simulated[j] = cloudlet.getFinishTime() - cloudlet.getStartTime();
      }
      Arrays.sort(simulated);
      double[] exact = workload.exactFinishSeconds(v);
      for (int j = 0; j < exact.length; j++) {
        maxError = Math.max(maxError, Math.abs(simulated[j] - exact[j]) / exact[j]);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "cloudsim-plus: %d cloudlets finished of %d, simulation %.2f s, max relative error %.2e%n",
        finished,
        cloudlets.size(),
        seconds,
        maxError);
  }
}
